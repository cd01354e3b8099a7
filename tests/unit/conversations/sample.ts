// The sample lives with the benchmark, which prints its figures beside the profiles'.
export { sampleConversations } from '@/bench/rules';
