out $ sine 440 * -1e38
