out $ sine "c4'maj'99999999" * 0.2
