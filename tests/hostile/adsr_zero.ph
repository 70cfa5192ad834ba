out $ sine 440 * adsr 0 0 0 0
