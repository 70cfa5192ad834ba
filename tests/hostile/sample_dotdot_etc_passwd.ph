out $ s "../../etc/passwd"
