<CsoundSynthesizer>
<CsOptions>
-o w6-csound.wav -W -d -m0 --nodisplays
</CsOptions>
<CsInstruments>
; W6: 1000 sample voices at once, 20 s. The sample (w6noise.wav, 64000 frames of mono noise,
; found through SSDIR) is loaded once into a table; an instance every 64 samples (one k-period)
; plays it once at its own rate, times 0.01, for 64000 samples: from 64000 on, 1000 at once.
; Onsets fall on k-period boundaries (multiples of 64 samples), as in every engine.
sr = 44100
ksmps = 64
nchnls = 1
0dbfs = 1

gi_noise ftgen 0, 0, 0, -1, "w6noise.wav", 0, 0, 0 ; -1: not normalised

instr 1
  a1 loscil 0.01, 1, gi_noise, 1, 0
  out a1
endin

ik = 0
while ik * 64 < 20 * 44100 do
  it = ik * 64 / 44100
  schedule 1, it, min(64000 / 44100, 20 - it) ; the piece ends at 20 s
  ik += 1
od
</CsInstruments>
<CsScore>
f 0 20
</CsScore>
</CsoundSynthesizer>
