import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** The wall clock of the command centre, in China time whatever the PC's zone. */
export function Clock() {
  const { i18n } = useTranslation();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const zone = { timeZone: "Asia/Shanghai" };
  const time = now.toLocaleTimeString(i18n.language, { ...zone, hour12: false });
  const date = now.toLocaleDateString(i18n.language, {
    ...zone,
    year: "numeric",
    month: "short",
    day: "numeric",
  });
  const weekday = now.toLocaleDateString(i18n.language, { ...zone, weekday: "long" });
  return (
    <div className="clock">
      <time className="clock-time" dateTime={now.toISOString()}>
        {time}
      </time>
      <div className="clock-date">
        <span>{date}</span>
        <span>{weekday}</span>
      </div>
    </div>
  );
}
