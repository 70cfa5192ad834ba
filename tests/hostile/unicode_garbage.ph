out $ sine 440 â˜ƒ ğŸµ ÿşÀ€
