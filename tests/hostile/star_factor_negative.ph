out $ s "bd*-4"
