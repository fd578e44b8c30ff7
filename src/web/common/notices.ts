import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type ResponseOf } from "./api.ts";

export type NoticeList = ResponseOf<"/api/v1/notifications", "get">;
export type Notice = NoticeList["items"][number];

export const NOTICES_KEY = ["me", "notices"] as const;
const STREAM_URL = "/api/v1/notifications/stream";
/** Without a live stream (a proxy that buffers it, an old browser), the list is asked for this often. */
const FALLBACK_MS = 60_000;

/** What the stream says: the unread count, and the newest notice. */
interface Live {
  unread: number;
  latest: Notice | null;
}

/**
 * The signed-in user's notices live: one EventSource per page (the browser reconnects it by
 * itself); each event refreshes the lists and the badge. `onNew` hears of a notice that came while
 * the page was open. While the stream is down, the lists are refetched every minute instead.
 */
export function useNoticeStream(onNew?: (notice: Notice) => void): { live: boolean } {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const heard = useRef(onNew);
  heard.current = onNew;
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const opened = Date.now();
    const seen = new Set<string>();
    const source = new EventSource(STREAM_URL);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener("notices", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as Live;
      // The badges at once (plain lists only; the phone's paged list is refetched below).
      client.setQueriesData<NoticeList>({ queryKey: NOTICES_KEY }, (old) =>
        old && "items" in old ? { ...old, unread: data.unread } : old,
      );
      void client.invalidateQueries({ queryKey: NOTICES_KEY });
      const n = data.latest;
      if (n && !n.readAt && !seen.has(n.id) && Date.parse(n.createdAt) >= opened - 5_000) {
        seen.add(n.id);
        heard.current?.(n);
      }
    });
    return () => source.close();
  }, [client]);
  return { live };
}

/** The newest `pageSize` of my notices with the unread count; refetched every minute when not live. */
export function useNotices(pageSize: number, live: boolean, page = 1) {
  return useQuery({
    queryKey: [...NOTICES_KEY, pageSize, page],
    queryFn: ({ signal }) => api.get("/api/v1/notifications", { query: { pageSize, page }, signal }),
    refetchInterval: live ? false : FALLBACK_MS,
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post("/api/v1/notifications/{id}/read", undefined, { path: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/api/v1/notifications/read-all"),
    onSettled: () => client.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}

export { noticeTarget, noticeTime } from "./notice-links.ts";
