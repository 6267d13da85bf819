import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, setupBase } from '../../helpers/core';

describe('dispatch: who before what', () => {
  it('an unauthenticated call to a protected op with bad input gets AUTH_REQUIRED, not a validation error', async () => {
    const { core } = await setupBase();
    expect((await err(core, 'nobody', 'users.add', { username: 1 })).code).toBe('AUTH_REQUIRED');
  });

  it('a role without the permission gets FORBIDDEN even for bad input; a permitted one gets the validation error', async () => {
    const { core, session } = await setupBase();
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'users.add', { username: 1 })).code).toBe('FORBIDDEN');
    expect((await err(core, session, 'users.add', { username: 1 })).code).toBe('INVALID_INPUT');
  });

  it('an unknown op name is refused as such, logged in or not', async () => {
    const { core, session } = await setupBase();
    expect((await err(core, session, 'users.dropEverything')).code).toBe('UNKNOWN_OP');
    expect((await err(core, 'nobody', 'users.dropEverything')).code).toBe('UNKNOWN_OP');
  });
});
