~x $ 1 + ~x * ~x
out $ ~x
