out $ late 9223372036854775807 $ s "bd sn"
