out $ sine 440 * xline 0 1 0
