out $ s "ÿþý À¯"
