out $ sine "440*1e30" * 0.2
