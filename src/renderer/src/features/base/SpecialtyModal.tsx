import { Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import type { Specialty } from '../../../../shared/contract/catalogue';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';

const LOCAL_CODE = /^[A-Za-z0-9]{1,8}$/;

/** Add a local specialty (editing === null) or rename one. */
export function SpecialtyModal({
  opened,
  editing,
  onClose,
  onSaved,
}: {
  opened: boolean;
  editing: Specialty | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ name?: string; code?: string }>({});
  const update = useMutation('catalogue.update');
  const add = useMutation('catalogue.add');

  useEffect(() => {
    if (opened) {
      setName(editing?.name ?? '');
      setCode('');
      setErrors({});
    }
  }, [opened, editing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!name.trim() || name.trim().length > 50) next.name = t('base.specialtyNameRule');
    if (!editing && code.trim() && !LOCAL_CODE.test(code.trim())) next.code = t('base.specialtyCodeRule');
    setErrors(next);
    if (Object.keys(next).length) return;
    const r = editing
      ? await update.run({ code: editing.code, name: name.trim() })
      : await add.run({ name: name.trim(), ...(code.trim() ? { code: code.trim() } : {}) });
    if (!r.ok) {
      setErrors(r.error.code === 'CATALOGUE_CODE_TAKEN' ? { code: errorText(r.error) } : { name: errorText(r.error) });
      return;
    }
    notifySuccess(
      editing
        ? t('base.specialtyRenamed', { name: r.value.name })
        : t('base.specialtyAdded', { name: r.value.name, code: r.value.code }),
    );
    onSaved();
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={editing ? t('base.renameSpecialty') : t('base.addSpecialty')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <TextInput
            label={t('base.specialtyName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
            data-autofocus
          />
          {!editing && (
            <TextInput
              label={t('base.specialtyCode')}
              description={t('base.specialtyCodeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={errors.code}
            />
          )}
          <FormFooter onCancel={onClose} busy={update.busy || add.busy} />
        </Stack>
      </form>
    </Dialog>
  );
}
