out $ s "{bd sn hh, cp cp cp cp cp}%999999999999"
