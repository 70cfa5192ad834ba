-- W1: one sine, 440 Hz, amplitude 0.5. Render 60 s.
out $ sine 440 * 0.5
