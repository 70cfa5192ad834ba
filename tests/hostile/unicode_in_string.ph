out $ s "☃ 🎵 bd é"
