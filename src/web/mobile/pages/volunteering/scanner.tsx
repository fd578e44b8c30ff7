import { Button, NoticeBar } from "antd-mobile";
import jsQR from "jsqr";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Frames looked at per second: enough to feel instant, little enough for an old phone. */
const SCANS_PER_SECOND = 5;
/** The same code seen again within this time is the same scan, not a second one. */
const REPEAT_MS = 4000;
const WIDTH = 480;

/**
 * The back camera, read for QR codes (getUserMedia + jsQR). The camera runs only while switched
 * on; browsers give it only to secure pages (https or localhost), so without it the page says so
 * and the code can be typed instead.
 */
export function Scanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  const deliver = useRef(onCode);
  deliver.current = onCode;
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const supported = typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia;

  const stop = () => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setOn(false);
  };
  // Leaving the page turns the camera off.
  useEffect(
    () => () => {
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    },
    [],
  );

  useEffect(() => {
    if (!on) return;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let frame = 0;
    let seen = 0;
    const look = (time: number) => {
      frame = requestAnimationFrame(look);
      const v = video.current;
      if (!context || !v || v.readyState < v.HAVE_ENOUGH_DATA || time - seen < 1000 / SCANS_PER_SECOND)
        return;
      seen = time;
      canvas.width = WIDTH;
      canvas.height = Math.round((v.videoHeight / v.videoWidth) * WIDTH) || WIDTH;
      context.drawImage(v, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
      if (!found?.data) return;
      const now = Date.now();
      if (last.current && last.current.text === found.data && now - last.current.at < REPEAT_MS) return;
      last.current = { text: found.data, at: now };
      deliver.current(found.data);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [on]);

  const start = async () => {
    setError(null);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
      setOn(true);
      if (video.current) {
        video.current.srcObject = stream.current;
        await video.current.play();
      }
    } catch (err) {
      stop();
      setError(t("volunteeringMobile.checkin.cameraFailed", { message: (err as Error).message }));
    }
  };

  if (!supported) return <NoticeBar wrap color="info" content={t("volunteeringMobile.checkin.noCamera")} />;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <video
        ref={video}
        muted
        playsInline
        style={{ display: on ? "block" : "none", width: "100%", borderRadius: 12, background: "#000" }}
      />
      {on && (
        <div style={{ fontSize: 16, textAlign: "center" }}>{t("volunteeringMobile.checkin.scanning")}</div>
      )}
      {error && <NoticeBar wrap color="alert" content={error} />}
      <Button
        block
        size="large"
        color={on ? "default" : "primary"}
        onClick={() => (on ? stop() : void start())}
      >
        {on ? t("volunteeringMobile.checkin.stopScan") : t("volunteeringMobile.checkin.scan")}
      </Button>
    </div>
  );
}
