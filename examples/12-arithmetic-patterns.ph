-- Pattern arithmetic on MIDI numbers, heard as the number itself times a scale:
-- "0 3 7" + "<0 5>" gives 0 3 7 then 5 8 12, read here as an LFO rate in Hz.
tempo: 0.5
~rate $ ("0 3 7" + "<0 5>") * 0.5 + 2
out $ sine 440 * (sine ~rate * 0.5 + 0.5) * 0.3
