out $ s "{bd sn hh cp oh rim lt mt ht cb cr bd sn hh cp oh rim lt mt ht cb cr}%100000"
