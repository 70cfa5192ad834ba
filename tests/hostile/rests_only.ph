out $ s "~ ~ ~ ~"
