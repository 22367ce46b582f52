import { idSchema } from '@kitchensync/shared';
import { idParams } from './common-schemas.ts';

/** `/products/:id/modifier-groups/:groupId/options/:optionId`. */
export const optionParams = idParams.extend({ groupId: idSchema, optionId: idSchema });
