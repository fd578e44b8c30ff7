/** What a scan or a typed code came to, large, green or red, read out by screen readers. */
export function ResultBanner({ result, testId }: { result: { ok: boolean; text: string }; testId: string }) {
  return (
    <div
      role="status"
      data-testid={testId}
      style={{
        margin: "12px 16px 0",
        padding: 16,
        borderRadius: 12,
        fontSize: 19,
        fontWeight: 600,
        background: result.ok ? "#f6ffed" : "#fff1f0",
        color: result.ok ? "#237804" : "#a8071a",
      }}
    >
      {result.text}
    </div>
  );
}
