"""Make the small sample media of the online-training section (not run by the build or CI).

Speaks Chinese text with espeak-ng and encodes it with ffmpeg (Debian packages:
``apt-get install ffmpeg espeak-ng``), writing under ``content/media/training/``:

- a short captioned video (VP9 + Opus WebM, and an H.264 + AAC MP4 for older iPhones),
  with WebVTT captions timed to the speech and a poster frame;
- short MP3 audio lectures whose transcripts are in their ``trainings/*.yml`` records.

Each file stays well under 300 KB so the repository stays small. Run from the project
root: ``python3 scripts/make_training_media.py``.
"""
from __future__ import annotations

import subprocess
import tempfile
import wave
from pathlib import Path

OUT = Path("content/media/training")
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PAUSE = 0.4
"""Seconds of silence after each spoken sentence."""

VIDEO = "xiangmushu-zhaozhun-xuqiu"
VIDEO_LINES = [
    ("公益创投项目书写作", "大家好，欢迎收看公益创投项目书写作课。"),
    ("第一步：找准需求", "第一步，找准服务对象的需求，用数据说话。"),
    ("第二步：写清目标", "第二步，写清楚项目目标和预期成效。"),
]
AUDIO = {
    "fanjiabao-falv-zhishi": "遇到家庭暴力，第一时间拨打一一零报警，保存好伤情照片和就医记录。"
                             "可以向人民法院申请人身安全保护令，也可以到妇联和法律援助工作站寻求帮助。",
    "nianjian-zhunbei-cailiao": "社会组织年检前，请准备好年度工作报告、财务会计报告和审计报告。"
                                "年检材料要在每年五月三十一日前报送登记管理机关。",
    "nianjian-caiwu-baobiao": "填写财务报表时，收入要分清捐赠收入、政府补助收入和服务收入，"
                              "支出要分清业务活动成本和管理费用。",
}


def speak(text: str, wav: Path) -> float:
    subprocess.run(["espeak-ng", "-v", "cmn", "-s", "190", "-w", str(wav), text], check=True)
    with wave.open(str(wav)) as w:
        return w.getnframes() / w.getframerate()


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-y", "-hide_banner", "-loglevel", "error", *args], check=True)


def stamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def make_video(tmp: Path) -> None:
    parts, cues, slides, start = [], [], [], 0.0
    for n, (slide, line) in enumerate(VIDEO_LINES):
        wav = tmp / f"v{n}.wav"
        length = speak(line, wav) + PAUSE
        ffmpeg("-i", str(wav), "-af", f"apad=pad_dur={PAUSE}", str(tmp / f"p{n}.wav"))
        parts.append(tmp / f"p{n}.wav")
        cues.append(f"{stamp(start)} --> {stamp(start + length - PAUSE)}\n{line}")
        slides.append(f"drawtext=fontfile={FONT}:text='{slide}':fontcolor=white:fontsize=22:"
                      f"x=(w-text_w)/2:y=(h-text_h)/2:enable='between(t,{start:.2f},{start + length:.2f})'")
        start += length
    (tmp / "list.txt").write_text("".join(f"file '{p}'\n" for p in parts))
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(tmp / "list.txt"), str(tmp / "speech.wav"))
    (OUT / f"{VIDEO}.zh.vtt").write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", encoding="utf-8")
    background = f"color=c=0xb5285b:s=320x180:d={start:.2f}:r=10"
    common = ["-f", "lavfi", "-i", background, "-i", str(tmp / "speech.wav"), "-vf", ",".join(slides),
              "-ac", "1", "-shortest"]
    ffmpeg(*common, "-c:v", "libvpx-vp9", "-crf", "50", "-b:v", "0", "-c:a", "libopus", "-b:a", "20k",
           str(OUT / f"{VIDEO}.webm"))
    ffmpeg(*common, "-c:v", "libx264", "-crf", "36", "-preset", "veryslow", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", "24k", "-movflags", "+faststart", str(OUT / f"{VIDEO}.mp4"))
    ffmpeg("-ss", "1", "-i", str(OUT / f"{VIDEO}.webm"), "-frames:v", "1", "-q:v", "5", str(OUT / f"{VIDEO}.jpg"))


def make_audio(tmp: Path) -> None:
    for name, text in AUDIO.items():
        wav = tmp / f"{name}.wav"
        speak(text, wav)
        ffmpeg("-i", str(wav), "-ac", "1", "-ar", "22050", "-c:a", "libmp3lame", "-b:a", "32k", str(OUT / f"{name}.mp3"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        make_video(Path(tmp))
        make_audio(Path(tmp))
    for path in sorted(OUT.iterdir()):
        print(f"{path}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
