out $ s "bd|sn|hh|cp|bd|sn|hh|cp|bd|sn|hh|cp|bd|sn|hh|cp|bd|sn|hh|cp|bd|sn|hh|cp"
