out $ s "superpiano" # note 1e30
