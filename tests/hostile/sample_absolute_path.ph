out $ s "/etc/passwd:3"
