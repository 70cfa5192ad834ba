out $ jux (jux (jux (jux (jux rev)))) $ s "bd sn"
