-- expect: 2:6 depends on the pattern it controls
~a $ "1 2" $ fast ~a
out $ sine 440
