out $ s "bd(100,8)"
