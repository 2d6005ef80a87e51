// The signed-in user for every page under the app shell; RequireSession provides it, so pages need
// not handle "nobody is signed in".
import { createContext, useContext } from 'react';
import type { Me } from '../client/types.ts';

export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside RequireSession');
  return me;
}
