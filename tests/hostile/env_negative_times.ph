out $ sine 440 * (env -1 -1 -1 -1)
