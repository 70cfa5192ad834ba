out $ sine 440 * 0.2
~a $ saw 3