~out $ ~tempo
~hush $ ~panic
out $ ~out
