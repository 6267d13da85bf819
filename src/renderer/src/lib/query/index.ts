export { clearQueries, invalidate } from './cache';
export { mutate } from './mutate';
export { useMutation, type Mutation } from './useMutation';
export { useQuery, type Query } from './useQuery';
