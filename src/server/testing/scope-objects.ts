import type { Viewer } from "./foreign.ts";
import type { Session, TestApp } from "./harness.ts";

/**
 * What the demo has none of, made for the scope test: for each user a token, a photo and a notice
 * of his own (someone else's for all the others); by the first, the district's admin, a device in
 * each street, an import waiting for him, and a community's and a department's report. Returns
 * each user's photo.
 */
export async function addObjectsTheDemoLacks(
  t: TestApp,
  users: Array<{ session: Session; viewer: Viewer }>,
): Promise<string[]> {
  const query = t.database.executeSql;
  const send = async (session: Session, url: string, payload: object, status = 201) => {
    const res = await t.app.inject({ method: "POST", url, headers: session.headers, payload });
    if (res.statusCode !== status) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const photos: string[] = [];
  for (const { session, viewer } of users) {
    await send(session, "/api/v1/auth/tokens", { name: "scope" });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "x.png");
    photos.push((await send(session, "/api/v1/files", form)).id);
    await query(
      "insert into notifications (user_id, kind, title, body) values ($1, 'scope', '通知', '通知')",
      [viewer.userId],
    );
  }
  const admin = users[0] as { session: Session; viewer: Viewer };
  const { rows: homes } = await query(
    `select distinct on (split_part(territory_path, '/', 3)) id::text as id from households
     order by split_part(territory_path, '/', 3), territory_path`,
  );
  for (const [i, h] of (homes as Array<{ id: string }>).entries())
    await send(admin.session, "/api/v1/devices", {
      deviceId: `SCOPE-${i}`,
      householdId: h.id,
      label: `门铃${i}`,
    });
  // 应急动员 and 人才库 (engagement): a call-up, a talent, a job seeker and a proposal in every community.
  const communities = "from territory_nodes where level = 'community'";
  await query(`insert into mobilisations (kind, template, name, purpose, node_id, territory_path)
     select 'squad', 'flood', '范围突击队', '范围测试', id, path ${communities}`);
  await query(`insert into talents (name, phone, territory_path, skills, search_text)
     select '范围人才', '13900001111', path, '["电工"]', '电工' ${communities}`);
  await query(`insert into job_seekers (name, phone, territory_path, wanted)
     select '范围求职', '13900001111', path, '保洁' ${communities}`);
  await query(`insert into job_matches (seeker_id, kind, title, provider)
     select id, 'training', '家政培训', '人社局' from job_seekers`);
  // Checked and waiting for its uploader: the queue that checks files does not run in this test.
  await query(
    `insert into import_jobs (kind, status, file_id, filename, principal, created_by, created_by_name)
     values ('residents', 'checked', $1, 'x.xlsx', $2, $3, '管理员')`,
    [
      photos[0],
      JSON.stringify({ userId: admin.viewer.userId, roles: admin.viewer.roles }),
      admin.viewer.userId,
    ],
  );
  const { rows: subjects } = await query(
    `(select 'community' as type, id::text as id from territory_nodes where level = 'community' order by code desc limit 1)
     union all (select 'department', id::text from departments order by code desc limit 1)`,
  );
  for (const s of subjects as Array<{ type: string; id: string }>)
    await send(
      admin.session,
      "/api/v1/dashboard/reports",
      { kind: "monthly", period: "2026-01", subjectType: s.type, subjectId: s.id },
      202,
    );
  return photos;
}

/** A 1×1 PNG: the smallest photo the server accepts. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
