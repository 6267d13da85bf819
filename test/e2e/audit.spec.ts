import { ADMIN, expect, goTo, initializeBase, openAsAdmin, shot, test } from './fixtures';

test('审计日志 shows one page at a time, finds a record by its number, and opens straight from a reload', async ({
  page,
  server,
}) => {
  await initializeBase(server);
  await server.api('auth.login', { username: ADMIN.username, password: ADMIN.password });
  // Fifty-five local specialties: cheap changes that each leave one entry in the log.
  for (let i = 1; i <= 55; i++) await server.api('catalogue.add', { name: `本地专业${i}` });
  await openAsAdmin(page, server);
  // Read after signing in here: the sign-in is itself an entry in the log.
  const all = await server.api<{ total: number; events: Array<{ entityId: string }> }>('audit.list', { limit: 500 });
  expect(all.total).toBeGreaterThan(55);
  const target = all.events[10]!.entityId;
  const sameRecord = all.events.filter((e) => e.entityId === target).length;

  await goTo(page, '审计日志');
  // The core pages the log: the screen holds one page, and says how many there are in all.
  await expect(page.getByTestId('audit-row')).toHaveCount(50);
  await expect(page.getByText(`共 ${all.total} 条`)).toBeVisible();

  await page.getByLabel('对象编号').fill(target);
  await expect(page.getByTestId('audit-row')).toHaveCount(sameRecord);
  await expect(page.getByText(`共 ${sameRecord} 条`)).toBeVisible();
  await shot(page, 'audit-1-found');

  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByLabel('对象编号')).toHaveValue('');
  await expect(page.getByTestId('audit-row')).toHaveCount(50);

  // Each page is its own chunk: a reload on its address loads it without passing through the home page.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: '审计日志' })).toBeVisible();
  await expect(page.getByTestId('audit-row')).toHaveCount(50);
});
