out $ sine 440 * segments "1e30 -1e30 nan" "0 -1 1e308"
