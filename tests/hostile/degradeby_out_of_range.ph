out $ degradeBy 1e9 $ s "bd*16"
