-- W2: 64 band-limited saws at 110 Hz x (1 + (i - 32) x 0.0007), summed, through a
-- resonant low-pass (Q = 4) whose cutoff a 0.5 Hz sine sweeps between 500 and 3000 Hz.
-- Summed / 256: as loud as Csound's and Faust's W2 (scsynth's Saw is half as loud and
-- is divided by 128). Render 60 s. Written by gen.py.
~cutoff $ sine 0.5 * 1250 + 1750
~saws $ (saw 107.536000
  + saw 107.613000
  + saw 107.690000
  + saw 107.767000
  + saw 107.844000
  + saw 107.921000
  + saw 107.998000
  + saw 108.075000
  + saw 108.152000
  + saw 108.229000
  + saw 108.306000
  + saw 108.383000
  + saw 108.460000
  + saw 108.537000
  + saw 108.614000
  + saw 108.691000
  + saw 108.768000
  + saw 108.845000
  + saw 108.922000
  + saw 108.999000
  + saw 109.076000
  + saw 109.153000
  + saw 109.230000
  + saw 109.307000
  + saw 109.384000
  + saw 109.461000
  + saw 109.538000
  + saw 109.615000
  + saw 109.692000
  + saw 109.769000
  + saw 109.846000
  + saw 109.923000
  + saw 110.000000
  + saw 110.077000
  + saw 110.154000
  + saw 110.231000
  + saw 110.308000
  + saw 110.385000
  + saw 110.462000
  + saw 110.539000
  + saw 110.616000
  + saw 110.693000
  + saw 110.770000
  + saw 110.847000
  + saw 110.924000
  + saw 111.001000
  + saw 111.078000
  + saw 111.155000
  + saw 111.232000
  + saw 111.309000
  + saw 111.386000
  + saw 111.463000
  + saw 111.540000
  + saw 111.617000
  + saw 111.694000
  + saw 111.771000
  + saw 111.848000
  + saw 111.925000
  + saw 112.002000
  + saw 112.079000
  + saw 112.156000
  + saw 112.233000
  + saw 112.310000
  + saw 112.387000) * 0.00390625
out $ ~saws # lpf ~cutoff 4
