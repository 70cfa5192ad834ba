-- A gated arpeggio into a feedback delay of three sixteenths.
tempo: 0.5
~notes $ sine "c5 g4 e5 b4 d5 a4 f5 c5" * "1 0 1 0 1 1 0 1" * 0.3
out $ ~notes # delay 0.375 0.55 0.4
