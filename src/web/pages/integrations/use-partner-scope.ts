// Whose integrations the page shows: a partner user's own partner; an operator (no partner of its
// own) picks one, remembered in the address (?partner=…) so a link can be shared.
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/current-user.tsx';

export function usePartnerScope(): {
  partnerId: string | undefined;
  choose: (id: string | null) => void;
  mustChoose: boolean;
} {
  const { partner } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  if (partner) return { partnerId: partner.id, choose: () => {}, mustChoose: false };
  return {
    partnerId: params.get('partner') ?? undefined,
    choose: (id) => setParams(id ? { partner: id } : {}),
    mustChoose: true,
  };
}
