import { useParams } from 'react-router';
import { authenticationApi } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { usePortfolioScope } from '../portfolio/portfolio-scope';

/** The connector named in the address, of the rights holder acted for. */
export function useConnector() {
  const { connectorId = '' } = useParams();
  const { rightsHolder } = usePortfolioScope();
  const connector = useResource(
    () => authenticationApi.connector(rightsHolder.id, connectorId),
    [rightsHolder.id, connectorId],
  );
  return { rightsHolderId: rightsHolder.id, connectorId, connector };
}

export function isNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'not_found';
}
