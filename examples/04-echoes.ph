-- A plucked arpeggio into a feedback delay of three sixteenths.
tempo: 0.5
~env $ tar "x*8" 0.003 0.18
~notes $ sine "c5 g4 e5 b4 d5 a4 f5 c5" * ~env * 0.35
out $ ~notes # delay 0.375 0.55 0.4
