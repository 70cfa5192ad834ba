// W6: 1000 sample voices at once, 20 s. The sample (64000 frames of mono noise) is read into
// 1000 SndBufs once, before the first sample; a voice is struck every 64 samples (each
// SndBuf in turn, from its first frame, at its own rate, times 0.01), so from 64000 on all
// 1000 sound. A SndBuf at its end is silent until struck again.
// Run: chuck --silent --srate:44100 w6.ck:OUT.wav:NOISE.wav
Gain mix => WvOut w => blackhole;
"w6-chuck.wav" => string file;
"w6noise.wav" => string noise;
if (me.args() > 0) me.arg(0) => file;
if (me.args() > 1) me.arg(1) => noise;
file => w.wavFilename;
SndBuf voices[1000];
for (0 => int k; k < 1000; k++) {
    noise => voices[k].read;
    voices[k].samples() => voices[k].pos;
    0.01 => voices[k].gain;
    voices[k] => mix;
}
now + 20::second => time end;
0 => int next;
while (now < end) {
    0 => voices[next].pos;
    (next + 1) % 1000 => next;
    64::samp => now;
}
w.closeFile();
