out $ s ""
