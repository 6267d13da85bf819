import { Badge, Stack, Text } from '@mantine/core';
import type { ApplicantSummary } from '../../../../shared/contract/applicants';
import { i18n } from '../../i18n';
import { useRowT } from '../../i18n/useRowT';

const ZH_ORDINALS = ['一', '二', '三', '四', '五'];

/** “第一志愿” in Chinese, “Choice 1” otherwise: the round an applicant belongs to here. */
export function useRoundLabel(): (n: number) => string {
  const t = useRowT();
  const zh = i18n.language.startsWith('zh');
  return (n) => t('choices.roundOf', { n: zh ? (ZH_ORDINALS[n - 1] ?? String(n)) : String(n) });
}

/** The round here (第一志愿 / 第二志愿 …), “未报本基地”, or 调剂人员 for someone the province or city assigned. */
export function RoundBadge({ a }: { a: ApplicantSummary }) {
  const t = useRowT();
  const label = useRoundLabel();
  if (a.assigned)
    return (
      <Badge color="grape" variant="light">
        {t('choices.assigned')}
      </Badge>
    );
  if (a.roundHere == null)
    return (
      <Text size="sm" c="dimmed">
        {t('choices.roundNone')}
      </Text>
    );
  return (
    <Badge color={a.roundHere === 1 ? 'blue' : 'orange'} variant="light" data-testid="round-badge">
      {label(a.roundHere)}
    </Badge>
  );
}

/** This base's choices by name, then every choice naming another base on its own dimmed line. */
export function ChoicesText({ a }: { a: ApplicantSummary }) {
  return (
    <Stack gap={0}>
      <Text size="sm">{a.choiceNames.join(' / ') || '—'}</Text>
      <OtherChoices detail={a} />
    </Stack>
  );
}

/** The choices naming other bases, and for an assigned person who assigned them from where (detail view). */
export function OtherChoices({ detail }: { detail: ApplicantSummary }) {
  const t = useRowT();
  const lines = (detail.choiceList ?? []).flatMap((c, i) => (c.base === null ? [] : [detail.choiceTexts?.[i] ?? '']));
  const assigned = detail.assigned;
  return (
    <>
      {lines.map((line, i) => (
        <Text key={i} size="xs" c="dimmed">
          {line}
        </Text>
      ))}
      {assigned && (
        <Text size="xs" c="grape" data-testid="assigned-note">
          {t('choices.assignedFrom', {
            by: assigned.by === 'city' ? t('choices.byCity') : t('choices.byProvince'),
            from: assigned.fromBase ?? t('choices.unknownBase'),
          })}
        </Text>
      )}
    </>
  );
}
