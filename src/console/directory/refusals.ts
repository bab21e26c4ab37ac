import { AdminRefusal } from '../../admin/refusal.ts';
import { ApiError } from '../kit/errors.ts';

/** A service's 404/409 refusal as the API's error answer. */
export async function asApi<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AdminRefusal) throw new ApiError(err.status, err.status === 404 ? 'not_found' : 'conflict', err.key);
    throw err;
  }
}
