-- expect: 2:7 fast takes 1 argument (factor), got 2
out $ fast 2 3 $ sine "110 220"
