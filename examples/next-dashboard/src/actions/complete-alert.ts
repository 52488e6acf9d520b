'use server';

import { revalidatePath } from 'next/cache';
import { markAlertDone } from '../api/kizuna-client';

/** Server action of the "done" button: marks the alert done through the API and re-renders. */
export async function completeAlert(formData: FormData): Promise<void> {
  const key = formData.get('idempotencyKey');
  if (typeof key !== 'string' || key === '') return;
  const result = await markAlertDone(key);
  if (result.kind !== 'ok') throw new Error(`The alert could not be marked done: ${result.detail}`);
  revalidatePath('/', 'layout');
}
